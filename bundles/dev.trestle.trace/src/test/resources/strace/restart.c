/* A read interrupted by a signal: strace shows "= ? ERESTARTSYS" and the restarted read. */
#include <signal.h>
#include <string.h>
#include <unistd.h>
static void on_usr1(int sig) { (void) sig; }
int main(void) {
    struct sigaction sa; memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1; sa.sa_flags = SA_RESTART;
    sigaction(SIGUSR1, &sa, NULL);
    int p[2]; pipe(p);
    pid_t parent = getpid();
    if (fork() == 0) { usleep(100000); kill(parent, SIGUSR1); usleep(100000); write(p[1], "done", 4); _exit(0); }
    char buf[8];
    read(p[0], buf, sizeof buf);
    return 0;
}

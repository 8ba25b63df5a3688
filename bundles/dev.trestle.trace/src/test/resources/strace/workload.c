/* Deterministic strace workload: a known set of calls, some failing, two children. */
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

static void on_usr1(int sig) { (void) sig; }

int main(void) {
    char buf[64];
    int fd = open("/etc/hostname", O_RDONLY);
    if (fd >= 0) { read(fd, buf, sizeof buf); close(fd); }
    for (int i = 0; i < 3; i++) open("/nonexistent/trestle", O_RDONLY);
    access("/etc/trestle-missing", R_OK);
    int out = open("/dev/null", O_WRONLY);
    write(out, "a \"quoted\", (paren)\n", 20);
    close(out);
    int sv[2];
    socketpair(AF_UNIX, SOCK_STREAM, 0, sv);
    write(sv[0], "x", 1);
    read(sv[1], buf, 1);
    signal(SIGUSR1, on_usr1);
    pid_t quiet = fork();
    if (quiet == 0) { getppid(); _exit(3); }
    pid_t doomed = fork();
    if (doomed == 0) { kill(getpid(), SIGKILL); _exit(0); }
    waitpid(quiet, NULL, 0);
    waitpid(doomed, NULL, 0);
    kill(getpid(), SIGUSR1);
    close(99);
    return 0;
}

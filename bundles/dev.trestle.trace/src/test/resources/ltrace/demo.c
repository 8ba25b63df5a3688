#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
int main(void) {
    char buf[32];
    puts("hi");
    for (int i = 0; i < 3; i++) {
        snprintf(buf, sizeof buf, "n=%d", i);
        size_t n = strlen(buf);
        char *p = malloc(n + 1);
        memcpy(p, buf, n + 1);
        free(p);
    }
    pid_t pid = fork();
    if (pid == 0) {
        puts("child");
        _exit(0);
    }
    int status;
    waitpid(pid, &status, 0);
    usleep(1000);
    return 0;
}

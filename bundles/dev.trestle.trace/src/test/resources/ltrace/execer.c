#include <stdio.h>
#include <unistd.h>
int main(void) {
    puts("before exec");
    fflush(stdout);
    execl("/bin/true", "true", (char *)0);
    return 1;
}

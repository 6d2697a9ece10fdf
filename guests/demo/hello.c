/* hello.c - the demo guest shown by `make run`: prints two lines, exits 0. */
#include "printf.h"

int main(void)
{
    unsigned sum = 0;
    for (unsigned i = 1; i <= 100; i++)
        sum += i;
    printf("Hello from a64emu guest!\n");
    printf("sum of 1..100 = %u\n", sum);
    return sum == 5050 ? 0 : 1;
}

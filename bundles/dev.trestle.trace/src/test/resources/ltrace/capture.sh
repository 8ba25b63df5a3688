#!/bin/sh
# Regenerates the ltrace fixtures of this directory (ltrace 0.7.3, Debian, x86-64, gcc 12).
# Run from this directory; the outputs are real ltrace output, not edited except where a file name says "-cut".
set -e
gcc -O0 -o /tmp/ltrace-demo demo.c
gcc -O0 -o /tmp/ltrace-execer execer.c
ltrace -o demo.log /tmp/ltrace-demo >/dev/null
ltrace -f /tmp/ltrace-demo 2>demo-f-stderr.log >/dev/null        # [pid N] prefix on stderr
ltrace -f -o demo-f-o.log /tmp/ltrace-demo >/dev/null            # bare "N " prefix with -o
ltrace -i -o demo-i.log /tmp/ltrace-demo >/dev/null
ltrace -S -o demo-S.log /tmp/ltrace-demo >/dev/null
ltrace -f -S -tt -T -o demo-f-S-tt-T.log /tmp/ltrace-demo >/dev/null
ltrace -tt -T -o demo-tt-T.log /tmp/ltrace-demo >/dev/null
ltrace -r -o demo-r.log /tmp/ltrace-demo >/dev/null
ltrace -ttt -o demo-ttt.log /tmp/ltrace-demo >/dev/null
ltrace -c -o demo-c.log /tmp/ltrace-demo >/dev/null
ltrace -f -o execer-f.log /tmp/ltrace-execer >/dev/null

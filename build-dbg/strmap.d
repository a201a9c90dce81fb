build-dbg/strmap.o: src/strmap.c include/selaras/strmap.h
include/selaras/strmap.h:

build-asan/aligneval.o: src/aligneval.c include/selaras/aligneval.h \
 include/selaras/error.h
include/selaras/aligneval.h:
include/selaras/error.h:

build-asan/error.o: src/error.c include/selaras/error.h
include/selaras/error.h:

build-asan/main.o: src/main.c src/cli.h include/selaras/error.h
src/cli.h:
include/selaras/error.h:

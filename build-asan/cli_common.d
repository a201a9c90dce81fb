build-asan/cli_common.o: src/cli_common.c src/cli.h \
 include/selaras/error.h
src/cli.h:
include/selaras/error.h:

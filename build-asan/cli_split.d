build-asan/cli_split.o: src/cli_split.c src/cli.h include/selaras/error.h \
 include/selaras/segment.h include/selaras/text.h
src/cli.h:
include/selaras/error.h:
include/selaras/segment.h:
include/selaras/text.h:

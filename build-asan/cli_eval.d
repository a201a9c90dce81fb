build-asan/cli_eval.o: src/cli_eval.c src/cli.h include/selaras/error.h \
 include/selaras/aligneval.h include/selaras/segeval.h \
 include/selaras/text.h
src/cli.h:
include/selaras/error.h:
include/selaras/aligneval.h:
include/selaras/segeval.h:
include/selaras/text.h:

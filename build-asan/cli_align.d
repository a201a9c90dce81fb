build-asan/cli_align.o: src/cli_align.c src/cli.h include/selaras/error.h \
 include/selaras/align.h include/selaras/features.h \
 include/selaras/lexicon.h include/selaras/segment.h \
 include/selaras/text.h
src/cli.h:
include/selaras/error.h:
include/selaras/align.h:
include/selaras/features.h:
include/selaras/lexicon.h:
include/selaras/segment.h:
include/selaras/text.h:

build-dbg/align.o: src/align.c include/selaras/align.h \
 include/selaras/error.h include/selaras/features.h \
 include/selaras/lexicon.h
include/selaras/align.h:
include/selaras/error.h:
include/selaras/features.h:
include/selaras/lexicon.h:

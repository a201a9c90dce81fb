build-asan/features.o: src/features.c include/selaras/features.h \
 include/selaras/error.h include/selaras/lexicon.h \
 include/selaras/strmap.h include/selaras/text.h
include/selaras/features.h:
include/selaras/error.h:
include/selaras/lexicon.h:
include/selaras/strmap.h:
include/selaras/text.h:

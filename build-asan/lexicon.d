build-asan/lexicon.o: src/lexicon.c include/selaras/lexicon.h \
 include/selaras/error.h include/selaras/strmap.h include/selaras/text.h
include/selaras/lexicon.h:
include/selaras/error.h:
include/selaras/strmap.h:
include/selaras/text.h:

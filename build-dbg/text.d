build-dbg/text.o: src/text.c include/selaras/text.h \
 include/selaras/error.h
include/selaras/text.h:
include/selaras/error.h:

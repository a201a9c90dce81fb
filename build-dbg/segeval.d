build-dbg/segeval.o: src/segeval.c include/selaras/segeval.h \
 include/selaras/error.h include/selaras/text.h
include/selaras/segeval.h:
include/selaras/error.h:
include/selaras/text.h:

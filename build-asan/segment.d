build-asan/segment.o: src/segment.c include/selaras/segment.h \
 include/selaras/error.h include/selaras/strmap.h include/selaras/text.h
include/selaras/segment.h:
include/selaras/error.h:
include/selaras/strmap.h:
include/selaras/text.h:

build-dbg/rules_data.o: build-dbg/rules_data.c

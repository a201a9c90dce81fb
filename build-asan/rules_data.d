build-asan/rules_data.o: build-asan/rules_data.c

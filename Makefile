# Jemput Bola. `make help` lists the targets.
.DEFAULT_GOAL := help
BIN := bin/jemputbola

help: ## show this list
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F ':.*## ' '{printf "  %-16s %s\n", $$1, $$2}'

generate: ## regenerate templ components (*_templ.go)
	go tool templ generate -path templates

check-generated: ## fail when committed *_templ.go files are stale
	@tmp=$$(mktemp -d) && cp -r templates $$tmp/ && find $$tmp/templates -name '*_templ.go' -delete && \
	go tool templ generate -path $$tmp/templates >/dev/null 2>&1 && \
	if ! diff -r -x '*.templ' templates $$tmp/templates >/dev/null; then \
		echo "Generated templ code is stale: run 'make generate' and commit."; diff -r -x '*.templ' templates $$tmp/templates | head -20; rm -rf $$tmp; exit 1; fi; \
	rm -rf $$tmp

build: ## build the binary into bin/
	go build -o $(BIN) ./cmd/jemputbola

run: build ## start the app with demo data on ./data/jemputbola.db (SQLite)
	./$(BIN) serve --demo

lint: ## go vet, a gofmt check and golangci-lint (.golangci.yml; pinned in tools/go.mod)
	go vet ./...
	@test -z "$$(gofmt -l cmd internal web templates static)" || (gofmt -l cmd internal web templates static; echo "gofmt needed"; exit 1)
	go tool -modfile=tools/go.mod golangci-lint run ./...

test: check-generated lint ## run every test (SQLite, PostgreSQL, headless Chromium, bounded fuzzing)
	go test -race -count=1 ./...
	JEMPUTBOLA_TEST_DB=postgres go test -count=1 ./web/ ./cmd/...
	$(MAKE) --no-print-directory fuzz

# Fuzzing is bounded by executions, not seconds: a -fuzztime in seconds races
# Go's fuzz coordinator at the deadline on a busy machine and fails with a bare
# "context deadline exceeded" and no failing input (golang/go#75804). Each count
# is about five seconds of this machine's throughput for its target.
fuzz: ## run each fuzz target for a fixed number of executions
	go test -run='^$$' -fuzz='^FuzzParse$$' -fuzztime=25000x ./internal/figimport
	go test -run='^$$' -fuzz='^FuzzParseXLSX$$' -fuzztime=3000x ./internal/figimport
	go test -run='^$$' -fuzz='^FuzzResultsAPI$$' -fuzztime=6000x ./web
	go test -run='^$$' -fuzz='^FuzzVisitForm$$' -fuzztime=1500x ./web
	go test -run='^$$' -fuzz='^FuzzSiteForm$$' -fuzztime=4000x ./web
	go test -run='^$$' -fuzz='^FuzzResultForm$$' -fuzztime=3500x ./web

bench: ## Go benchmarks
	go test -run='^$$' -bench=. -benchmem ./...

.PHONY: help generate check-generated build run lint test fuzz bench

# Nianbao (年报). The two commands a fresh Debian/Ubuntu machine needs:
#   make run    installs what the build needs, then starts the program
#   make test   installs what the build and the tests need, then runs every test
# Both install Debian packages with apt-get (as root, or through sudo).

GO      ?= go
BIN     ?= nianbao
# Same flags every time, so the (slow, cgo) Fyne build is cached between runs.
TESTFLAGS ?= -race -tags ci -count=1 -timeout 20m

# Fyne's cgo build (GL/X11 headers), and poppler-utils for the PDF tests.
APT_PACKAGES = gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
	libxinerama-dev libxi-dev libxxf86vm-dev libxext-dev poppler-utils

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps run build test vet fmt-check bench fuzz clean

all: build

# deps installs only what is missing, so a second run costs nothing.
deps:
	@command -v $(GO) >/dev/null || { echo "需要 Go 1.24 或更新版本（go.dev/dl），请先安装 Go"; exit 1; }
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "安装系统软件包：$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
	$(GO) mod download

build: deps
	$(GO) build -o $(BIN) .

run: build
	./$(BIN)

fmt-check:
	@bad=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$bad" ]; then echo "gofmt 需要整理这些文件：$$bad"; exit 1; fi

vet: deps
	$(GO) vet -tags ci ./...

test: deps fmt-check vet
	$(GO) test $(TESTFLAGS) ./...

# Speed and memory targets are Go benchmarks.
bench: deps
	$(GO) test -tags ci -run '^$$' -bench . -benchmem ./...

# The reader's fuzz target; FUZZTIME=10m make fuzz for a longer run.
FUZZTIME ?= 2m
fuzz: deps
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime $(FUZZTIME) ./data/report/

clean:
	rm -rf $(BIN) dist build

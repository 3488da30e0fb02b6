# Nianbao (年报). The two commands a fresh Debian/Ubuntu machine needs:
#   make run    installs what the build needs, then starts the program
#   make test   installs what the build and the tests need, then runs every test
# Both install Debian packages with apt-get (as root, or through sudo).

GO      ?= go
BIN     ?= nianbao
# go.mod's toolchain line names the Go release the program is built with (it
# carries the standard library's security fixes); "auto" lets an older installed
# Go fetch it through the Go module proxy, where a Go installation that says
# GOTOOLCHAIN=local in its go.env would otherwise ignore that line.
export GOTOOLCHAIN = auto
# Same flags every time, so the (slow, cgo) Fyne build is cached between runs.
TESTFLAGS ?= -race -tags ci -count=1 -timeout 20m
# Fyne's threading model (fyne.Do), which FyneApp.toml declares, is applied
# only with this tag: release builds carry it, and the window and forms tests
# run once more with it, as Fyne's own CI does.
FYNEDO_TAG = migrated_fynedo
# The program's builds leave out Fyne's bundled colour emoji font: an annual
# report has no emoji, and the font, parsed at start, kept about 20 MB of a
# working day's memory (issue 19 point 13). An emoji typed into a box shows as
# a box; nothing the window itself shows needs it (apptheme's coverage test).
APP_TAGS = $(FYNEDO_TAG),no_emoji

# Fyne's cgo build (GL/X11 headers), and poppler-utils for the PDF tests.
APT_PACKAGES = gcc pkg-config libgl1-mesa-dev libx11-dev libxcursor-dev libxrandr-dev \
	libxinerama-dev libxi-dev libxxf86vm-dev libxext-dev poppler-utils

# The checkers, pinned, built once into build/tools through the Go module proxy.
TOOLS = build/tools
STATICCHECK = honnef.co/go/tools/cmd/staticcheck@v0.8.2
GOCYCLO     = github.com/fzipp/gocyclo/cmd/gocyclo@v0.6.0
GOVULNCHECK = golang.org/x/vuln/cmd/govulncheck@v1.9.0
# Each tool lands in a folder named for its module and version, so that a new
# pin builds anew and an unchanged one is never rebuilt.
tool = $(TOOLS)/$(subst /,_,$(1))/$(notdir $(firstword $(subst @, ,$(1))))
# The Go vulnerability database, as a module snapshot: govulncheck reads
# the module's folder of reports directly (.ci/vulndb.sh), since CI reaches no other server.
VULNDB_VERSION      = v0.0.0-20261105234957-e22db6528018
# Fyne's own limit.
GOCYCLO_OVER = 30
# LibreOffice for the test that opens the Word file as a reader without Word
# would (app/word): only the writer, without its GUI; xmllint (libxml2-utils)
# for the tests that validate the OFD's parts against the standard's schemas (app/ofd)
# and the workbooks' parts against ECMA-376's (app/workbook/workbooktest).
TEST_APT = libreoffice-writer-nogui libreoffice-calc-nogui libxml2-utils postgresql

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all go-check deps run build test vet fmt-check lint tidy-check staticcheck cyclo vulncheck bench fuzz clean

all: build

go-check:
	@command -v $(GO) >/dev/null || { echo "需要 Go 1.21 或更新版本（go.mod 要求的版本会经 Go 模块代理自动下载），请先安装 Go"; exit 1; }

# deps installs only what is missing, so a second run costs nothing.
deps: go-check
	@sh packaging/apt-ensure.sh $(APT_PACKAGES)
	$(GO) mod download

build: deps
	$(GO) build -tags $(APP_TAGS) -o $(BIN) .

run: build
	./$(BIN)

fmt-check:
	@bad=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$bad" ]; then echo "gofmt 需要整理这些文件：$$bad"; exit 1; fi

vet: deps
	$(GO) vet -tags ci ./...

# go.mod and go.sum must be what `go mod tidy` makes of the imports.
tidy-check: go-check
	@$(GO) mod tidy -diff || { echo "go.mod/go.sum 与代码不一致，请运行 go mod tidy"; exit 1; }

$(call tool,$(STATICCHECK)) $(call tool,$(GOCYCLO)) $(call tool,$(GOVULNCHECK)):
	GOBIN=$(CURDIR)/$(@D) $(GO) install $(subst _,/,$(notdir $(@D)))

staticcheck: deps $(call tool,$(STATICCHECK))
	$(call tool,$(STATICCHECK)) -tags ci ./...

cyclo: $(call tool,$(GOCYCLO))
	@out=$$($(call tool,$(GOCYCLO)) -over $(GOCYCLO_OVER) $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "这些函数过于复杂（圈复杂度超过 $(GOCYCLO_OVER)），请拆分："; echo "$$out"; exit 1; fi

vulncheck: deps $(call tool,$(GOVULNCHECK))
	@db=$$(GO=$(GO) sh .ci/vulndb.sh $(VULNDB_VERSION)) && echo "govulncheck -db file://$$db" && \
		$(call tool,$(GOVULNCHECK)) -db file://$$db -tags ci ./...

lint: fmt-check vet tidy-check staticcheck cyclo vulncheck

test: deps a11y-deps lint
	@sh packaging/apt-ensure.sh $(TEST_APT)
	@# The PDF reader first, without the race detector: its large adversarial reads
	@# (skipped under -race) and the compilation cache test; it also leaves PDFium
	@# compiled in the user's cache folder, which the race run's packages then load.
	$(GO) test -count=1 ./data/intake/pdf/
	$(GO) test $(TESTFLAGS) ./...
	$(GO) test -tags ci,$(FYNEDO_TAG) -count=1 -timeout 20m ./app/window/... ./forms/...

# axe-core and jsdom for the web page's accessibility test (app/web), into build/
# (not committed); node and npm from apt only when missing.
A11Y_DIR = build/a11y
A11Y_NPM = axe-core@4.14.1 jsdom@26.1.0
.PHONY: a11y-deps
a11y-deps:
	@command -v node >/dev/null && command -v npm >/dev/null || { echo "安装 nodejs、npm（网页无障碍检查用）"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq -o DPkg::Lock::Timeout=900 --no-install-recommends nodejs npm; }
	@[ "$$(cat $(A11Y_DIR)/.installed 2>/dev/null)" = "$(A11Y_NPM)" ] || { mkdir -p $(A11Y_DIR) && cd $(A11Y_DIR) && \
		npm install --no-audit --no-fund --loglevel=error $(A11Y_NPM) && echo "$(A11Y_NPM)" > .installed; }

# Speed and memory targets are Go benchmarks.
bench: deps
	$(GO) test -tags ci -run '^$$' -bench . -benchmem ./...

# The readers' fuzz targets (the report file, Word, web page, PDF); FUZZTIME=10m make fuzz for a longer run.
FUZZTIME ?= 2m
fuzz: deps
	$(GO) test -run '^$$' -fuzz FuzzParse -fuzztime $(FUZZTIME) ./data/report/
	for p in docx web pdf; do $(GO) test -run '^$$' -fuzz FuzzRead -fuzztime $(FUZZTIME) ./data/intake/$$p/ || exit 1; done

clean:
	rm -rf $(BIN) dist build nianbao_windows_amd64.syso

# ---- Release packages -------------------------------------------------------
#   make dist       everything below, into dist/
#   make deb        Linux x86-64 .deb        make tarxz    Linux x86-64 .tar.xz (fyne package)
#   make windows    Windows x86-64 nianbao.exe (CI builds it too)
#   make winzip     that .exe zipped with 使用说明.txt
#   make deb-arm64  Linux ARM64 .deb (麒麟/统信 on 飞腾/鲲鹏), cross-compiled
#   make rpm        Linux x86-64 .rpm        make rpm-arm64  the same for ARM64 (both checked by packaging/rpm-test.sh)
#   make installer  Windows installer nianbao-setup-<版本>.exe (NSIS)
#   make installer-test  that installer under Wine (CI runs it after wine-test)
# FyneApp.toml's Version is the one source of the version: it is stamped into the
# binaries here and named in every package.
VERSION := $(shell sh packaging/version.sh)
# -s -w: no symbol tables (smaller); -trimpath: no build paths; -buildvcs=auto:
# `nianbao version` names the commit when built from a git clone.
RELEASE_FLAGS = -trimpath -buildvcs=auto -tags $(APP_TAGS)
RELEASE_LDFLAGS = -s -w -X nianbao/app/buildinfo.Version=$(VERSION)
FYNE_TOOLS_VERSION = v1.7.4
FYNE = build/tools/fyne

WINDOWS_APT = gcc-mingw-w64-x86-64
# makensis runs on Linux and makes the installer's 64-bit Windows stub.
INSTALLER_APT = nsis
# rpmbuild and rpm (to check the package) run on Debian.
RPM_APT = rpm
RPM_RELEASE := $(shell sh packaging/version.sh Build)
PACKAGING_APT = dpkg-dev desktop-file-utils imagemagick xz-utils
ARM64_APT = gcc-aarch64-linux-gnu libc6-dev:arm64 libgl1-mesa-dev:arm64 libx11-dev:arm64 \
	libxcursor-dev:arm64 libxrandr-dev:arm64 libxinerama-dev:arm64 libxi-dev:arm64 \
	libxxf86vm-dev:arm64 libxext-dev:arm64

LINUX_AMD64 = build/linux-amd64/$(BIN)
LINUX_ARM64 = build/linux-arm64/$(BIN)
WINDOWS_EXE = build/windows-amd64/$(BIN).exe
WINDOWS_CLI = build/windows-amd64/$(BIN)-cli.exe

.PHONY: dist linux-amd64 linux-arm64 windows wine-test deb tarxz winzip deb-arm64 fyne-tool packaging-deps \
	installer installer-test rpm rpm-arm64

dist: deb tarxz winzip installer deb-arm64 rpm rpm-arm64
	@ls -l dist/

packaging-deps:
	@sh packaging/apt-ensure.sh $(PACKAGING_APT)

linux-amd64: deps
	CGO_ENABLED=1 GOOS=linux GOARCH=amd64 $(GO) build $(RELEASE_FLAGS) -ldflags "$(RELEASE_LDFLAGS)" -o $(LINUX_AMD64) .

# Debian's cross gcc finds the arm64 headers and libraries that multiarch puts in
# /usr/include/aarch64-linux-gnu and /usr/lib/aarch64-linux-gnu.
linux-arm64: go-check
	@sh packaging/apt-ensure.sh $(ARM64_APT)
	CGO_ENABLED=1 GOOS=linux GOARCH=arm64 CC=aarch64-linux-gnu-gcc \
	PKG_CONFIG_PATH= PKG_CONFIG_LIBDIR=/usr/lib/aarch64-linux-gnu/pkgconfig:/usr/share/pkgconfig \
		$(GO) build $(RELEASE_FLAGS) -ldflags "$(RELEASE_LDFLAGS)" -o $(LINUX_ARM64) .

# A GUI program (-H windowsgui: no console window) with the icon, version
# information and manifest of packaging/windows/ linked in as a .syso, and
# beside it the same program as a console program, nianbao-cli.exe, for
# scripts: cmd and PowerShell wait for it and see its exit status.
windows: go-check
	@sh packaging/apt-ensure.sh $(WINDOWS_APT)
	sh packaging/windows-syso.sh
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
		$(GO) build $(RELEASE_FLAGS) -ldflags "$(RELEASE_LDFLAGS) -H windowsgui" -o $(WINDOWS_EXE) .
	CGO_ENABLED=1 GOOS=windows GOARCH=amd64 CC=x86_64-w64-mingw32-gcc \
		$(GO) build $(RELEASE_FLAGS) -ldflags "$(RELEASE_LDFLAGS)" -o $(WINDOWS_CLI) .

# The Windows build run under Wine (CI runs it after make windows). Its Linux
# reference is built with the test flags, so after make test only the link is new.
LINUX_REF = build/linux-ref/$(BIN)
wine-test: windows
	$(GO) build -race -tags ci -buildvcs=auto -ldflags "$(RELEASE_LDFLAGS)" -o $(LINUX_REF) .
	sh packaging/wine-test.sh $(dir $(WINDOWS_EXE)) $(LINUX_REF)

deb: linux-amd64 packaging-deps
	sh packaging/deb.sh amd64 $(LINUX_AMD64) dist

deb-arm64: linux-arm64 packaging-deps
	sh packaging/deb.sh arm64 $(LINUX_ARM64) dist

# The fyne CLI, pinned, built once into build/tools.
fyne-tool:
	@[ -x $(FYNE) ] && $(FYNE) version 2>/dev/null | grep -q 'cli version: $(FYNE_TOOLS_VERSION)$$' || \
		GOBIN=$(CURDIR)/build/tools $(GO) install fyne.io/tools/cmd/fyne@$(FYNE_TOOLS_VERSION)

tarxz: linux-amd64 packaging-deps fyne-tool
	sh packaging/tarxz.sh $(FYNE) $(LINUX_AMD64) dist/$(BIN)_$(VERSION)_linux_amd64.tar.xz

winzip: windows packaging-deps
	GO=$(GO) sh packaging/windows-zip.sh $(WINDOWS_EXE) $(WINDOWS_CLI) dist/$(BIN)_$(VERSION)_windows_amd64.zip

installer: windows packaging-deps
	@sh packaging/apt-ensure.sh $(INSTALLER_APT)
	sh packaging/windows-installer.sh $(WINDOWS_EXE) $(WINDOWS_CLI) dist/$(BIN)-setup-$(VERSION).exe

# The same installer script, uncompressed (seconds to build instead of minutes),
# installed, upgraded and uninstalled silently under Wine.
installer-test: windows
	@sh packaging/apt-ensure.sh $(INSTALLER_APT)
	NSIS_UNCOMPRESSED=1 sh packaging/windows-installer.sh $(WINDOWS_EXE) $(WINDOWS_CLI) build/$(BIN)-setup-test.exe
	sh packaging/installer-test.sh build/$(BIN)-setup-test.exe

rpm: linux-amd64 packaging-deps
	@sh packaging/apt-ensure.sh $(RPM_APT)
	sh packaging/rpm.sh x86_64 $(LINUX_AMD64) dist
	sh packaging/rpm-test.sh dist/$(BIN)-$(VERSION)-$(RPM_RELEASE).x86_64.rpm

rpm-arm64: linux-arm64 packaging-deps
	@sh packaging/apt-ensure.sh $(RPM_APT)
	sh packaging/rpm.sh aarch64 $(LINUX_ARM64) dist
	sh packaging/rpm-test.sh dist/$(BIN)-$(VERSION)-$(RPM_RELEASE).aarch64.rpm

module nianbao

go 1.26.8

require (
	fyne.io/fyne/v2 v2.7.1 // indirect
	github.com/mattn/go-sqlite3 v1.14.53 // indirect
	github.com/phpdave11/gofpdi v1.0.14-0.20211212211723-1f10f9844311 // indirect
	github.com/pkg/errors v0.8.1 // indirect
	github.com/signintech/gopdf v0.33.0 // indirect
)

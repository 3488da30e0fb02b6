package syserr

import "syscall"

// A Translator says the errors of a library below the program in Chinese.
// The package that uses the library registers it (data/store registers
// SQLite's), so that a package which only reads files, and imports syserr,
// does not link the library.
type Translator interface {
	// Speaks reports whether e's own text (not its causes') is the
	// library's English.
	Speaks(e error) bool
	// Message is the Chinese of the kind of err (or of an error it wraps),
	// or "" for a kind a user cannot meet.
	Message(err error) string
}

// translators are the registered Translators. They are registered by init
// functions only, so every reader runs after the last registration.
var translators []Translator

// Register adds t to the translators Message, Describe and Text consult. Call
// it from an init function.
func Register(t Translator) { translators = append(translators, t) }

// ErrnoMessage is the Chinese of a system error number, or "" for one a
// user cannot meet (for a Translator whose library reports the system's
// error beside its own).
func ErrnoMessage(e syscall.Errno) string { return errnoMessage(e) }

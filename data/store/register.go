package store

import (
	"errors"

	"nianbao/data/register"
)

// Register is the application register (依申请公开台账) of each agency, the
// calendar additions the deadlines are counted with, and the years whose
// report is published (locked: filling part 三 from the register refuses them
// unless told). It is a separate interface, not part of Store: a backend
// offers it when it keeps a register (data/store/sqlite does).
//
// Applications are the agency's, each under a number unique in its register.
// The personal fields (name, contact, ID number) of a year can be erased while
// everything that counts stays.
type Register interface {
	// Applications lists the agency's applications received in year (0: of
	// every year), by receipt date and number.
	Applications(agency string, year int) ([]register.Application, error)
	// Application returns application id; an error that errors.Is
	// ErrApplicationNotFound when there is none.
	Application(id int64) (register.Application, error)
	// PutApplications stores apps in the agency's register in one
	// transaction: each replaces the application of the same number, or is
	// added. It returns their ids, in order.
	PutApplications(agency string, apps []register.Application) ([]int64, error)
	// DeleteApplication deletes application id.
	DeleteApplication(id int64) error
	// ErasePersonal erases the personal fields of the agency's applications
	// received in year and returns how many held any.
	ErasePersonal(agency string, year int) (int, error)

	// CalendarAdditions returns the calendar texts the user added (a year's
	// notice, local days off), oldest first, in data/workdays' format.
	CalendarAdditions() ([]string, error)
	// AddCalendar stores a calendar text under name, replacing one of the same name.
	AddCalendar(name, text string) error

	// YearLocked reports whether the agency's report of year is published
	// (locked); LockYear sets or clears it.
	YearLocked(agency string, year int) (bool, error)
	LockYear(agency string, year int, locked bool) error
}

// ErrApplicationNotFound is the error of an application that is not in the register.
var ErrApplicationNotFound = errors.New("台账中没有这件申请")

package web

import (
	"context"
	"testing"

	"jemputbola/internal/scope"
)

// TestOneImportPerOffice: a second import of the same office waits its turn;
// another office's does not.
func TestOneImportPerOffice(t *testing.T) {
	var o oneImportPerOffice
	rl := scope.With(context.Background(), scope.Scope{OfficeID: 1, Code: "17.02"})
	kota := scope.With(context.Background(), scope.Scope{OfficeID: 2, Code: "17.71"})
	done, ok := o.start(rl)
	if !ok {
		t.Fatal("the first import is refused")
	}
	if _, ok := o.start(rl); ok {
		t.Fatal("a second import of the same office runs alongside the first")
	}
	doneKota, ok := o.start(kota)
	if !ok {
		t.Fatal("another office's import waits for this one")
	}
	done()
	doneKota()
	if _, ok := o.start(rl); !ok {
		t.Fatal("the office stays busy after its import ended")
	}
}

package main

import (
	"fmt"
	"io"
)

// printer writes a command's report and keeps the first write error, so that
// a command whose report was lost (a closed pipe, a full disk) fails instead
// of reporting success.
type printer struct {
	w   io.Writer
	err error
}

func (p *printer) printf(format string, args ...any) {
	if p.err == nil {
		_, p.err = fmt.Fprintf(p.w, format, args...)
	}
}

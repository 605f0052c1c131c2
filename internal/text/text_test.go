package text_test

import (
	"testing"

	"jemputbola/internal/text"
)

func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"SMA Negeri 1":         "SMA Negeri 1",
		"SMA\x00 Negeri":       "SMA Negeri",
		"Curup \xff\xfeTimur":  "Curup \uFFFDTimur",
		"Sebelum\u00a0sesudah": "Sebelum\u00a0sesudah",
	} {
		if got := text.Clean(in); got != want {
			t.Errorf("Clean(%q) = %q, want %q", in, got, want)
		}
	}
}

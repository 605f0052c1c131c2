// Package text cleans what people type before it is stored. PostgreSQL
// refuses a NUL byte or invalid UTF-8 in text (SQLSTATE 22021) where SQLite
// would keep it; cleaning at the edge makes both databases store the same,
// and a stray byte from a pasted spreadsheet never becomes a server error.
package text

import "strings"

// Clean drops NUL bytes and replaces invalid UTF-8 with U+FFFD.
func Clean(s string) string {
	return strings.ReplaceAll(strings.ToValidUTF8(s, "\uFFFD"), "\x00", "")
}

package pii

import "strings"

// Mask hides the middle digits of every number Check would refuse in s
// (1702********0001, 0812****7890), keeping the separators, and says how
// many it masked; masked text passes Check.
func Mask(s string, phones bool) (string, int) {
	n := 0
	for range 4 { // a boundary shared by two numbers leaves the second for the next pass
		changed := false
		for _, r := range rules {
			if r.Phone && !phones {
				continue
			}
			s = r.re.ReplaceAllStringFunc(s, func(m string) string {
				changed = true
				n++
				return maskDigits(m)
			})
		}
		if !changed {
			break
		}
	}
	return s, n
}

// maskDigits keeps the first and last four digits of m and stars the others.
func maskDigits(m string) string {
	digits := 0
	for _, c := range m {
		if c >= '0' && c <= '9' {
			digits++
		}
	}
	var b strings.Builder
	i := 0
	for _, c := range m {
		if c >= '0' && c <= '9' {
			if i >= 4 && i < digits-4 {
				c = '*'
			}
			i++
		}
		b.WriteRune(c)
	}
	return b.String()
}

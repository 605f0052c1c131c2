package pii_test

import (
	"encoding/json"
	"strings"
	"testing"

	"jemputbola/internal/pii"
)

func TestCheck(t *testing.T) {
	refused := map[string]bool{ // text → refused only where phones are
		"NIK 1702061234560001 tidak bisa aktivasi": false,
		"nik: 1702 0612 3456 0001":                 false,
		"1702.0612.3456.0001 belum punya email":    false,
		"warga 1702-0612-3456-0001":                false,
		"KK 170206123456 belum diperbarui":         false,
		"no. kartu keluarga: 1702 0612 3456":       false,
		"hubungi 081234567890 besok":               true,
		"HP +62 812-3456-7890":                     true,
		"wa 62 812 3456 789":                       true,
	}
	for text, phoneOnly := range refused {
		if got := pii.Check(text, true); got == "" || !strings.Contains(got, "Tulis inisial dan desa") {
			t.Errorf("%q not refused: %q", text, got)
		}
		if got := pii.Check(text, false); phoneOnly == (got != "") {
			t.Errorf("%q without phones: %q", text, got)
		}
	}
	for _, ok := range []string{
		"3 warga tidak punya email", "Rp 1.500.000 untuk kuota", "jadwal 2026-12-03 08.00–10.00",
		"Kelas XII IPA 1, 36 siswa", "nomor antrean 123456789012345", "KK sudah diperbarui", "17 tahun ke atas 120 orang",
		"12345678901234567 (17 digit)",
	} {
		if got := pii.Check(ok, true); got != "" {
			t.Errorf("%q refused: %q", ok, got)
		}
	}
}

// TestRulesForThePage: the page gets every rule Check applies, with the same
// patterns and messages.
func TestRulesForThePage(t *testing.T) {
	var all, noPhones []struct{ Name, Pattern, Flags, Message string }
	if err := json.Unmarshal([]byte(pii.Rules(true)), &all); err != nil || len(all) != 3 {
		t.Fatalf("rules %v, %v", all, err)
	}
	if err := json.Unmarshal([]byte(pii.Rules(false)), &noPhones); err != nil || len(noPhones) != 2 {
		t.Fatalf("rules without phones %v, %v", noPhones, err)
	}
	for _, r := range all {
		if r.Pattern == "" || r.Message == "" || strings.Contains(r.Pattern, "(?i)") {
			t.Errorf("rule %+v: the page needs a plain pattern and its flags apart", r)
		}
	}
}

func TestMask(t *testing.T) {
	for in, want := range map[string]string{
		"NIK 1702061234560001 gagal":        "NIK 1702********0001 gagal",
		"nik 1702 0612 3456 0001":           "nik 1702 **** **** 0001",
		"KK 170206123456, HP 081234567890":  "KK 1702****3456, HP 0812****7890",
		"3 warga belum punya email":         "3 warga belum punya email",
		"1702061234560001,1702061234560002": "1702********0001,1702********0002",
	} {
		got, n := pii.Mask(in, true)
		if got != want || pii.Check(got, true) != "" || (n == 0) != (in == want) {
			t.Errorf("Mask(%q) = %q (%d), want %q", in, got, n, want)
		}
	}
	if got, _ := pii.Mask("kontak 081234567890", false); got != "kontak 081234567890" {
		t.Errorf("a phone masked where phones may stand: %q", got)
	}
}

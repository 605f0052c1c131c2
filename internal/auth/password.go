package auth

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"errors"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/crypto/bcrypt"
)

// MinPasswordLen is the shortest password accepted.
const MinPasswordLen = 10

//go:embed data/common_passwords.txt.gz
var commonGz []byte

// common is the set of the 10,000 most common passwords (data/SOURCE.md), in
// lower case, read once.
var common = sync.OnceValue(func() map[string]bool {
	set := make(map[string]bool, 10000)
	zr, err := gzip.NewReader(bytes.NewReader(commonGz))
	if err != nil {
		return set // the embedded file is known to read (TestCommonPasswords)
	}
	lines := bufio.NewScanner(zr)
	for lines.Scan() {
		set[strings.ToLower(lines.Text())] = true
	}
	return set
})

// checkPassword returns the Indonesian reason a password is refused, or "".
func checkPassword(pw string) string {
	switch n := utf8.RuneCountInString(pw); {
	case n < MinPasswordLen:
		return "Kata sandi minimal 10 karakter."
	case len(pw) > 72: // bcrypt ignores bytes past 72
		return "Kata sandi maksimal 72 byte."
	case common()[strings.ToLower(pw)]:
		return "Kata sandi ini termasuk 10.000 kata sandi paling umum yang dicoba penyerang; pilih yang lain, mis. tiga kata acak."
	}
	return ""
}

// SharedPassword is one password hashed once, for seeding many accounts
// with it (the demo, tests) without one bcrypt run per account.
type SharedPassword struct{ hash string }

// NewSharedPassword checks pw like any password and hashes it once.
func NewSharedPassword(pw string) (SharedPassword, error) {
	if msg := checkPassword(pw); msg != "" {
		return SharedPassword{}, errors.New("auth: " + msg)
	}
	hash, err := hashPassword(pw)
	return SharedPassword{hash: hash}, err
}

func hashPassword(pw string) (string, error) {
	b, err := bcrypt.GenerateFromPassword([]byte(pw), bcrypt.DefaultCost)
	return string(b), err
}

// dummyHash is compared against when the user does not exist, so a wrong
// username costs as much time as a wrong password.
var dummyHash, _ = bcrypt.GenerateFromPassword([]byte("jemputbola-dummy"), bcrypt.DefaultCost)

func passwordMatches(hash, pw string) bool {
	if hash == "" {
		_ = bcrypt.CompareHashAndPassword(dummyHash, []byte(pw))
		return false
	}
	err := bcrypt.CompareHashAndPassword([]byte(hash), []byte(pw))
	return !errors.Is(err, bcrypt.ErrMismatchedHashAndPassword) && err == nil
}

package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/auth"
	"jemputbola/internal/office"
)

// userCmd handles `user add` and `user passwd`; the password is read from stdin so
// it never shows in the process list or shell history.
func userCmd(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout io.Writer) error {
	if len(args) == 0 {
		return errors.New("gunakan: user add … atau user passwd …")
	}
	fs := flag.NewFlagSet("user "+args[0], flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	username := fs.String("username", "", "nama pengguna")
	role := fs.String("role", "", "peran")
	name := fs.String("name", "", "nama lengkap")
	fromStdin := fs.Bool("password-stdin", false, "baca kata sandi dari stdin")
	officeCode := fs.String("office", "", "kode kantor pengguna")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if !*fromStdin {
		return errors.New("kata sandi harus diberikan lewat --password-stdin")
	}
	password, err := readPassword(stdin)
	if err != nil {
		return err
	}
	return withOffice(ctx, getenv, *officeCode, func(ctx context.Context, g *gorm.DB, _ office.Office) error {
		users := auth.NewUserStore(g)
		switch args[0] {
		case "add":
			u, err := users.Create(ctx, audit.System, auth.UserInput{Username: *username, Name: *name, Role: auth.Role(*role), Password: password})
			if err != nil {
				return describe(err)
			}
			_, err = fmt.Fprintf(stdout, "Pengguna %s (%s) dibuat.\n", u.Username, u.Role.Label())
			return err
		case "passwd":
			if err := users.SetPassword(ctx, audit.System, *username, password); err != nil {
				return describe(err)
			}
			_, err := fmt.Fprintf(stdout, "Kata sandi %s diganti.\n", *username)
			return err
		default:
			return fmt.Errorf("perintah user tidak dikenal %q", args[0])
		}
	})
}

func readPassword(r io.Reader) (string, error) {
	line, err := bufio.NewReader(r).ReadString('\n')
	if err != nil && !errors.Is(err, io.EOF) {
		return "", err
	}
	return strings.TrimRight(line, "\r\n"), nil
}

// describe turns a validation error into one readable line per field.
func describe(err error) error {
	fields := apperr.FieldsOf(err)
	if len(fields) == 0 {
		return errors.New(apperr.MessageOf(err))
	}
	var b strings.Builder
	for f, msg := range fields {
		fmt.Fprintf(&b, "\n  --%s: %s", f, msg)
	}
	return fmt.Errorf("%s%s", apperr.MessageOf(err), b.String())
}

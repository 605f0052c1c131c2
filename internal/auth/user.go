package auth

import (
	"context"
	"errors"
	"regexp"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/scope"
)

// User is an account of one office. PasswordHash never leaves this package's
// callers' reach in JSON. Usernames are unique across the install: signing in
// needs no office, and the user's office gives the scope of their requests.
type User struct {
	ID           int64 `gorm:"primaryKey"`
	OfficeID     int64
	Username     string
	Name         string
	Role         Role
	PasswordHash string `json:"-"`
	Active       bool
	Demo         bool
	CreatedAt    time.Time
	UpdatedAt    time.Time
}

// TableName keeps GORM on the migrated table.
func (User) TableName() string { return "users" }

// UserInput is what a form or the CLI gives to create or change a user.
type UserInput struct {
	Username string
	Name     string
	Role     Role
	Password string // required on create; on update, empty keeps the old one
	Active   bool
	Demo     bool
}

// passwordField is the form field a password problem is reported on.
const passwordField = "password"

var usernamePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{2,31}$`)

// Validate checks the input; creating requires a password.
func (in *UserInput) Validate(creating bool) error {
	in.Username = strings.ToLower(strings.TrimSpace(in.Username))
	in.Name = strings.TrimSpace(in.Name)
	var f apperr.Fields
	if !usernamePattern.MatchString(in.Username) {
		f.Add("username", "Nama pengguna 3–32 karakter: huruf kecil, angka, titik, garis bawah atau tanda hubung.")
	}
	if in.Name == "" {
		f.Add("name", "Nama lengkap wajib diisi.")
	} else if len(in.Name) > 100 {
		f.Add("name", "Nama lengkap maksimal 100 karakter.")
	}
	if !in.Role.Valid() {
		f.Add("role", "Pilih peran yang tersedia.")
	}
	if creating || in.Password != "" {
		if msg := checkPassword(in.Password); msg != "" {
			f.Add(passwordField, msg)
		}
	}
	return f.Err()
}

// UserStore keeps the accounts of the office of ctx's scope.
type UserStore struct{ db *gorm.DB }

// NewUserStore returns a UserStore on g.
func NewUserStore(g *gorm.DB) *UserStore { return &UserStore{db: g} }

// Create adds a user to ctx's office; only an admin (or the system) creates an
// admin. Errors: Invalid (fields), Conflict when the username is taken (in any
// office), Forbidden, scope.ErrMissing, scope.ErrReadOnly.
func (s *UserStore) Create(ctx context.Context, who audit.Actor, in UserInput) (User, error) {
	if err := in.Validate(true); err != nil {
		return User{}, err
	}
	hash, err := hashPassword(in.Password)
	if err != nil {
		return User{}, err
	}
	return s.create(ctx, who, in, hash)
}

// CreateShared is Create with a password hashed beforehand; in.Password is
// ignored. Errors as Create.
func (s *UserStore) CreateShared(ctx context.Context, who audit.Actor, in UserInput, pw SharedPassword) (User, error) {
	in.Password = ""
	if err := in.Validate(false); err != nil {
		return User{}, err
	}
	return s.create(ctx, who, in, pw.hash)
}

func (s *UserStore) create(ctx context.Context, who audit.Actor, in UserInput, hash string) (User, error) {
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return User{}, err
	}
	if err := mayHandle(s.db.WithContext(ctx), who, in.Role); err != nil {
		return User{}, err
	}
	now := time.Now().UTC()
	u := User{OfficeID: sc.OfficeID, Username: in.Username, Name: in.Name, Role: in.Role, PasswordHash: hash, Active: true, Demo: in.Demo, CreatedAt: now, UpdatedAt: now}
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		if err := tx.Create(&u).Error; err != nil {
			if errors.Is(err, gorm.ErrDuplicatedKey) {
				return &apperr.Error{Code: apperr.Conflict, Message: "Nama pengguna sudah dipakai.",
					Fields: map[string]string{"username": "Nama pengguna sudah dipakai."}}
			}
			return err
		}
		return audit.Record(ctx, tx, who, audit.Create, "user", u.ID, nil, u)
	})
	return u, err
}

const msgAdminsOnly = "Hanya admin yang dapat membuat, mengubah atau mengganti kata sandi akun admin."

var errAdminsOnly = &apperr.Error{Code: apperr.Forbidden, Message: msgAdminsOnly, Fields: map[string]string{"role": msgAdminsOnly}}

// mayHandle refuses anyone but an admin (or the system: the command line) a
// change that makes, touches or is an admin account, with the roles involved.
func mayHandle(tx *gorm.DB, who audit.Actor, roles ...Role) error {
	if who.UserID == 0 || !slices.Contains(roles, Admin) {
		return nil
	}
	var actor []User
	if err := tx.Select("role").Where("id = ?", who.UserID).Limit(1).Find(&actor).Error; err != nil {
		return err
	}
	if len(actor) == 0 || actor[0].Role != Admin {
		return errAdminsOnly
	}
	return nil
}

// Update changes name, role, active and (when given) the password; only an
// admin touches an admin. Errors: Invalid, NotFound (also another office's
// user), Forbidden, scope.ErrMissing, scope.ErrReadOnly.
func (s *UserStore) Update(ctx context.Context, who audit.Actor, id int64, in UserInput) (User, error) {
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return User{}, err
	}
	var u User
	err = s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		before, err := getUser(tx, sc, id)
		if err != nil {
			return err
		}
		in.Username = before.Username // usernames never change: sessions and audit refer to them
		if err := in.Validate(false); err != nil {
			return err
		}
		if err := mayHandle(tx, who, before.Role, in.Role); err != nil {
			return err
		}
		if who.UserID == id && (!in.Active || in.Role != before.Role) {
			return &apperr.Error{Code: apperr.Invalid, Message: "Anda tidak dapat menonaktifkan atau mengubah peran akun sendiri.",
				Fields: map[string]string{"role": "Anda tidak dapat mengubah peran atau menonaktifkan akun sendiri."}}
		}
		u = before
		u.Name, u.Role, u.Active, u.UpdatedAt = in.Name, in.Role, in.Active, time.Now().UTC()
		if in.Password != "" {
			if u.PasswordHash, err = hashPassword(in.Password); err != nil {
				return err
			}
		}
		if err := tx.Save(&u).Error; err != nil {
			return err
		}
		if !u.Active || in.Password != "" {
			if err := tx.Where("user_id = ?", id).Delete(&Session{}).Error; err != nil {
				return err
			}
		}
		return audit.Record(ctx, tx, who, audit.Update, "user", u.ID, before, u)
	})
	return u, err
}

// SetPassword replaces the password of a user of ctx's office and ends their
// sessions. Errors: Invalid, NotFound, scope.ErrMissing, scope.ErrReadOnly.
func (s *UserStore) SetPassword(ctx context.Context, who audit.Actor, username, password string) error {
	sc, err := scope.ForWrite(ctx)
	if err != nil {
		return err
	}
	if msg := checkPassword(password); msg != "" {
		return &apperr.Error{Code: apperr.Invalid, Message: msg, Fields: map[string]string{passwordField: msg}}
	}
	hash, err := hashPassword(password)
	if err != nil {
		return err
	}
	return s.db.WithContext(ctx).Transaction(func(tx *gorm.DB) error {
		u, err := byUsername(tx, sc, username)
		if err != nil {
			return err
		}
		if err := mayHandle(tx, who, u.Role); err != nil {
			return err
		}
		if err := tx.Model(&u).Updates(map[string]any{"password_hash": hash, "updated_at": time.Now().UTC()}).Error; err != nil {
			return err
		}
		if err := tx.Where("user_id = ?", u.ID).Delete(&Session{}).Error; err != nil {
			return err
		}
		return audit.Record(ctx, tx, who, audit.Update, "user", u.ID, map[string]string{"password": "(lama)"}, map[string]string{"password": "(diganti)"})
	})
}

// Get returns one user of ctx's office. Errors: NotFound, scope.ErrMissing.
func (s *UserStore) Get(ctx context.Context, id int64) (User, error) {
	sc, err := scope.From(ctx)
	if err != nil {
		return User{}, err
	}
	return getUser(s.db.WithContext(ctx), sc, id)
}

// ByUsername returns one user of ctx's office. Errors: NotFound, scope.ErrMissing.
func (s *UserStore) ByUsername(ctx context.Context, username string) (User, error) {
	sc, err := scope.From(ctx)
	if err != nil {
		return User{}, err
	}
	return byUsername(s.db.WithContext(ctx), sc, username)
}

func byUsername(tx *gorm.DB, sc scope.Scope, username string) (User, error) {
	var u User
	err := tx.Where("username = ? AND office_id = ?", strings.ToLower(strings.TrimSpace(username)), sc.OfficeID).First(&u).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return u, apperr.Errorf(apperr.NotFound, "Pengguna %q tidak ditemukan.", username)
	}
	return u, err
}

func getUser(tx *gorm.DB, sc scope.Scope, id int64) (User, error) {
	var u User
	err := tx.Where("id = ? AND office_id = ?", id, sc.OfficeID).First(&u).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return u, apperr.New(apperr.NotFound, "Pengguna tidak ditemukan.")
	}
	return u, err
}

// List returns the users of ctx's office ordered by role then name; role
// filters when not empty. Errors: scope.ErrMissing.
func (s *UserStore) List(ctx context.Context, role Role) ([]User, error) {
	q := s.db.WithContext(ctx).Scopes(scope.Own(ctx, "users")).Order("role, name")
	if role != "" {
		q = q.Where("role = ?", role)
	}
	var us []User
	return us, q.Find(&us).Error
}

// Count returns how many users ctx's office has. Errors: scope.ErrMissing.
func (s *UserStore) Count(ctx context.Context) (int64, error) {
	var n int64
	return n, s.db.WithContext(ctx).Model(&User{}).Scopes(scope.Own(ctx, "users")).Count(&n).Error
}

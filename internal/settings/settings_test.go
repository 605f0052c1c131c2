package settings_test

import (
	"context"
	"testing"

	"gorm.io/gorm"

	"jemputbola/internal/apperr"
	"jemputbola/internal/audit"
	"jemputbola/internal/dbtest"
	"jemputbola/internal/settings"
)

func TestSecretIsCreatedOnceAndKept(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		s := settings.NewStore(g)
		a, err := s.Secret(context.Background())
		if err != nil || len(a) < 32 {
			t.Fatalf("Secret = %q, %v", a, err)
		}
		b, err := settings.NewStore(g).Secret(context.Background())
		if err != nil || a != b {
			t.Fatalf("second Secret = %q, %v; want the first %q", b, err, a)
		}
	})
}

func TestSetGet(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		ctx := context.Background()
		s := settings.NewStore(g)
		if _, ok, _ := s.Get(ctx, "office_name"); ok {
			t.Fatal("unset key reported as set")
		}
		for _, v := range []string{"Dinas A", "Dinas B"} {
			if err := s.Set(ctx, "office_name", v); err != nil {
				t.Fatal(err)
			}
			if got, ok, err := s.Get(ctx, "office_name"); err != nil || !ok || got != v {
				t.Fatalf("Get = %q %v %v, want %q", got, ok, err, v)
			}
		}
	})
}

func TestOffice(t *testing.T) {
	dbtest.Each(t, func(t *testing.T, g *gorm.DB) {
		ctx := context.Background()
		s := settings.NewStore(g)
		o, err := s.Office(ctx)
		if err != nil || o.Name == "" || o.City != "Curup" {
			t.Fatalf("defaults %+v, %v", o, err)
		}
		bad := []struct {
			name, field string
			edit        func(*settings.Office)
		}{
			{"ErrNameRequired", "name", func(o *settings.Office) { o.Name = " " }},
			{"ErrHeadRequired", "head_name", func(o *settings.Office) { o.HeadName = "" }},
			{"ErrNIPDigits", "head_nip", func(o *settings.Office) { o.HeadNIP = "19700101abc" }},
		}
		for _, tc := range bad {
			t.Run(tc.name, func(t *testing.T) {
				o := settings.Office{Name: "Dinas", Address: "Jl. A", City: "Curup", HeadName: "Kepala"}
				tc.edit(&o)
				if err := s.SetOffice(ctx, audit.System, o); apperr.FieldsOf(err)[tc.field] == "" {
					t.Fatalf("SetOffice = %v, want a message on %s", err, tc.field)
				}
			})
		}
		t.Run("OK", func(t *testing.T) {
			want := settings.Office{Name: "Dinas Dukcapil Kota Bengkulu", Address: "Jl. B", City: "Bengkulu", HeadName: "Drs. Kepala", HeadNIP: "19700101 199001 1 001"}
			if err := s.SetOffice(ctx, audit.System, want); err != nil {
				t.Fatal(err)
			}
			got, err := s.Office(ctx)
			if err != nil || got != want {
				t.Fatalf("Office = %+v, %v; want %+v", got, err, want)
			}
		})
	})
}

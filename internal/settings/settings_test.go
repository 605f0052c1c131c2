package settings_test

import (
	"context"
	"testing"

	"gorm.io/gorm"

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

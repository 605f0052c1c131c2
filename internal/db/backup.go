package db

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"gorm.io/gorm"
)

// ErrBackupPostgres is returned by Backup on PostgreSQL, which has its own tool.
var ErrBackupPostgres = errors.New("pencadangan ini hanya untuk SQLite; untuk PostgreSQL gunakan pg_dump, mis. pg_dump -Fc \"$DATABASE_URL\" -f cadangan.dump")

// Backup writes a consistent copy of the SQLite database to path while the
// server keeps writing: VACUUM INTO reads one snapshot in a read transaction,
// which WAL lets run beside writers. path must not exist; it is only created
// once the copy is complete and on disk, so a failed backup leaves nothing
// that looks like a good one.
func Backup(ctx context.Context, g *gorm.DB, path string) error {
	if Dialect(g) == Postgres {
		return ErrBackupPostgres
	}
	if err := refuseExisting(path); err != nil {
		return err
	}
	tmp, err := tempName(path)
	if err != nil {
		return err
	}
	// After a hard link the temporary name is still there; after a rename it
	// is gone already. A leftover is a hidden file, not worth failing for.
	defer func() { _ = os.Remove(tmp) }()
	if err := g.WithContext(ctx).Exec("VACUUM INTO ?", tmp).Error; err != nil {
		return fmt.Errorf("salin basis data: %w", err)
	}
	// SQLite does not fsync the VACUUM INTO output; a backup must survive a power cut.
	if err := syncFile(tmp); err != nil {
		return err
	}
	if err := publish(tmp, path); err != nil {
		return err
	}
	syncDir(filepath.Dir(path))
	return nil
}

func refuseExisting(path string) error {
	_, err := os.Lstat(path)
	switch {
	case err == nil:
		return fmt.Errorf("berkas %s sudah ada; pilih nama lain (cadangan lama tidak ditimpa)", path)
	case !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("periksa %s: %w", path, err)
	}
	return nil
}

// tempName reserves an unused name beside path (same folder, so the final
// link or rename stays on one file system). VACUUM INTO wants no file there,
// so the reserved empty file is removed again.
func tempName(path string) (string, error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return "", fmt.Errorf("buat berkas sementara di folder %s: %w", filepath.Dir(path), err)
	}
	name := f.Name()
	if err := errors.Join(f.Close(), os.Remove(name)); err != nil {
		return "", err
	}
	return name, nil
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	// The copy holds password and session hashes: only the owner may read it.
	if err := f.Chmod(0o600); err != nil {
		return errors.Join(err, f.Close())
	}
	if err := f.Sync(); err != nil {
		return errors.Join(err, f.Close())
	}
	return f.Close()
}

// publish gives the finished copy its name without ever replacing a file that
// appeared meanwhile: a hard link fails when the name is taken. File systems
// without hard links (e.g. FAT on a USB stick) fall back to a checked rename.
func publish(tmp, path string) error {
	err := os.Link(tmp, path)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, fs.ErrExist):
		return refuseExisting(path)
	}
	if err := refuseExisting(path); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

// syncDir makes the new directory entry durable; some systems cannot, which is
// not worth failing a finished backup for.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		_ = d.Close()
	}
}

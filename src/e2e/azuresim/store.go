package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"
)

// Record is one object that exists in the simulated cloud. Inputs and Outputs are the plain values (what the
// cloud stores); Secrets names the top-level output keys that were secret, so Read can mark them again.
type Record struct {
	ID       string                 `json:"id"`
	Token    string                 `json:"token"`
	Name     string                 `json:"name"`
	Inputs   map[string]interface{} `json:"inputs"`
	Outputs  map[string]interface{} `json:"outputs"`
	Secrets  []string               `json:"secrets,omitempty"`
	Created  time.Time              `json:"created"`
	Provider string                 `json:"provider"`
	// Account is the Databricks account an account-level object belongs to (empty for Azure resources).
	Account string `json:"account,omitempty"`
}

// Cloud is everything that exists, plus names Azure keeps reserved after a delete (soft-deleted vaults).
type Cloud struct {
	Resources     map[string]*Record `json:"resources"`
	DeletedVaults map[string]string  `json:"deletedVaults"`
}

// Store persists the simulated cloud in one JSON file shared by every provider process of a run (the engine
// starts one process per provider instance, and a later `pulumi up` starts new ones), guarded by flock.
type Store struct {
	dir string
}

func newStore() (*Store, error) {
	dir := os.Getenv("ZT_SIM_STATE_DIR")
	if dir == "" {
		return nil, errors.New("ZT_SIM_STATE_DIR is not set: the simulator needs a folder for the simulated cloud")
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, err
	}
	return &Store{dir: dir}, nil
}

func key(id string) string { return strings.ToLower(id) }

// Update runs fn with the cloud locked for writing; fn's changes are saved when it returns nil.
func (s *Store) Update(fn func(c *Cloud) error) error {
	lock, err := os.OpenFile(filepath.Join(s.dir, "cloud.lock"), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return err
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		return err
	}
	defer syscall.Flock(int(lock.Fd()), syscall.LOCK_UN) //nolint:errcheck
	c, err := s.load()
	if err != nil {
		return err
	}
	if err := fn(c); err != nil {
		return err
	}
	return s.save(c)
}

// View runs fn on a consistent snapshot, under the lock, without writing.
func (s *Store) View(fn func(c *Cloud) error) error {
	lock, err := os.OpenFile(filepath.Join(s.dir, "cloud.lock"), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return err
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_SH); err != nil {
		return err
	}
	defer syscall.Flock(int(lock.Fd()), syscall.LOCK_UN) //nolint:errcheck
	c, err := s.load()
	if err != nil {
		return err
	}
	return fn(c)
}

func (s *Store) load() (*Cloud, error) {
	c := &Cloud{Resources: map[string]*Record{}, DeletedVaults: map[string]string{}}
	data, err := os.ReadFile(filepath.Join(s.dir, "cloud.json"))
	if errors.Is(err, os.ErrNotExist) {
		return c, nil
	}
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(data, c); err != nil {
		return nil, fmt.Errorf("simulated cloud state is corrupt: %w", err)
	}
	if c.Resources == nil {
		c.Resources = map[string]*Record{}
	}
	if c.DeletedVaults == nil {
		c.DeletedVaults = map[string]string{}
	}
	return c, nil
}

func (s *Store) save(c *Cloud) error {
	data, err := json.MarshalIndent(c, "", " ")
	if err != nil {
		return err
	}
	tmp := filepath.Join(s.dir, "cloud.json.tmp")
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return err
	}
	return os.Rename(tmp, filepath.Join(s.dir, "cloud.json"))
}

func (c *Cloud) get(id string) *Record { return c.Resources[key(id)] }

func (c *Cloud) byToken(token string) []*Record {
	var out []*Record
	for _, r := range c.Resources {
		if r.Token == token {
			out = append(out, r)
		}
	}
	return out
}

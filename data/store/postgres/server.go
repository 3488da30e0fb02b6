package postgres

import (
	"context"
	"crypto/hmac"
	"crypto/pbkdf2"
	"crypto/rand"
	"crypto/sha256"
	_ "embed"
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
)

// serverSQL sets up roles' rights and row-level security (see server.sql).
//
//go:embed server.sql
var serverSQL string

// Login is a unit's (or the 政务公开办's) login on the server.
type Login struct {
	User     string    `json:"user"`
	Password string    `json:"password,omitempty"` // only when just made: it is stored nowhere
	Agency   string    `json:"agency"`
	Office   bool      `json:"office"`
	Created  time.Time `json:"created"`
}

// Init makes the database a shared 年报 database: the schema (Open made it),
// the role every login of a unit or of the 政务公开办 is a member of, their
// rights and the row-level security that limits each to its own agency. It
// may run again (after an upgrade of the program, say). s must be opened by
// the database's owner with the right to make roles (CREATEROLE).
func (s *DB) Init() error {
	ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
	defer cancel()
	group, err := s.group(ctx)
	if err != nil {
		return err
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return fmt.Errorf("无法连接数据库服务器 %s：%w", s.where, err)
	}
	defer tx.Rollback(context.Background())
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, migrateLock); err != nil {
		return s.adminError(err)
	}
	var exists bool
	if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = $1)`, group).Scan(&exists); err != nil {
		return s.adminError(err)
	}
	quoted := pgx.Identifier{group}.Sanitize()
	if !exists {
		if _, err := tx.Exec(ctx, `CREATE ROLE `+quoted+` NOLOGIN`); err != nil {
			return s.adminError(err)
		}
	}
	var db string
	if err := tx.QueryRow(ctx, `SELECT current_database()`).Scan(&db); err != nil {
		return s.adminError(err)
	}
	setup := `GRANT CONNECT ON DATABASE ` + pgx.Identifier{db}.Sanitize() + ` TO :group;` + serverSQL
	if _, err := tx.Exec(ctx, strings.ReplaceAll(setup, ":group", quoted)); err != nil {
		return s.adminError(err)
	}
	if err := tx.Commit(ctx); err != nil {
		return s.adminError(err)
	}
	return nil
}

// group is the role of the database's logins: nianbao_<database>.
func (s *DB) group(ctx context.Context) (string, error) {
	var db string
	if err := s.pool.QueryRow(ctx, `SELECT current_database()`).Scan(&db); err != nil {
		return "", fmt.Errorf("读取数据库服务器 %s 失败：%w", s.where, err)
	}
	return "nianbao_" + db, nil
}

func (s *DB) adminError(err error) error {
	if isPrivilege(err) {
		return fmt.Errorf("在数据库服务器 %s 上设置共享数据库需要管理员的登录（数据库的所有者，并能建立角色：CREATEROLE）：%w", s.where, err)
	}
	return fmt.Errorf("在数据库服务器 %s 上设置共享数据库失败：%w", s.where, err)
}

// errNotInitialized is the refusal of a login command on a database that
// nianbao server init has not set up.
var errNotInitialized = errors.New("这个数据库还没有设置为共享数据库，请先运行 nianbao server init")

// AddUnit makes a login for agency's unit (office: for the 政务公开办, which
// reads every unit's reports and keeps the roster) with a new password,
// returned once: the server keeps only its SCRAM verifier.
func (s *DB) AddUnit(agency string, office bool) (Login, error) {
	agency = strings.TrimSpace(agency)
	if agency == "" {
		return Login{}, errors.New("请给出单位名称（--agency）")
	}
	ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
	defer cancel()
	group, err := s.initialized(ctx)
	if err != nil {
		return Login{}, err
	}
	l := Login{User: "nianbao_" + randomText(10, "abcdefghijkmnpqrstuvwxyz23456789"),
		Password: randomText(16, "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789"),
		Agency:   agency, Office: office}
	verifier, err := scramVerifier(l.Password)
	if err != nil {
		return Login{}, err
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return Login{}, s.adminError(err)
	}
	defer tx.Rollback(context.Background())
	// A verifier, never the password itself: statements may be logged.
	if _, err := tx.Exec(ctx, `CREATE ROLE `+pgx.Identifier{l.User}.Sanitize()+` LOGIN PASSWORD '`+verifier+
		`' IN ROLE `+pgx.Identifier{group}.Sanitize()); err != nil {
		return Login{}, s.adminError(err)
	}
	if err := tx.QueryRow(ctx, `INSERT INTO logins (login, agency, office) VALUES ($1, $2, $3) RETURNING created_at`,
		l.User, l.Agency, l.Office).Scan(&l.Created); err != nil {
		return Login{}, s.adminError(err)
	}
	if err := tx.Commit(ctx); err != nil {
		return Login{}, s.adminError(err)
	}
	l.Created = l.Created.Local()
	return l, nil
}

// initialized returns the group role, or errNotInitialized.
func (s *DB) initialized(ctx context.Context) (string, error) {
	var ok bool
	if err := s.pool.QueryRow(ctx, `SELECT to_regclass('logins') IS NOT NULL`).Scan(&ok); err != nil {
		return "", s.adminError(err)
	}
	if !ok {
		return "", fmt.Errorf("数据库 %s：%w", s.where, errNotInitialized)
	}
	return s.group(ctx)
}

// ErrNoLogin is the refusal to remove a login that nianbao server add-unit did not make.
var ErrNoLogin = errors.New("没有这个单位的登录")

// RemoveUnit removes the login user: it can no longer connect. The reports
// of its unit stay.
func (s *DB) RemoveUnit(user string) error {
	ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
	defer cancel()
	if _, err := s.initialized(ctx); err != nil {
		return err
	}
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return s.adminError(err)
	}
	defer tx.Rollback(context.Background())
	tag, err := tx.Exec(ctx, `DELETE FROM logins WHERE login = $1`, user)
	if err != nil {
		return s.adminError(err)
	}
	if tag.RowsAffected() == 0 {
		return fmt.Errorf("“%s”：%w（用 nianbao server list-units 查看）", user, ErrNoLogin)
	}
	if _, err := tx.Exec(ctx, `DELETE FROM settings WHERE login = $1`, user); err != nil {
		return s.adminError(err)
	}
	if _, err := tx.Exec(ctx, `DROP ROLE IF EXISTS `+pgx.Identifier{user}.Sanitize()); err != nil {
		return s.adminError(err)
	}
	if err := tx.Commit(ctx); err != nil {
		return s.adminError(err)
	}
	return nil
}

// Units lists the logins of the units and the 政务公开办, by agency.
func (s *DB) Units() ([]Login, error) {
	ctx, cancel := context.WithTimeout(context.Background(), opTimeout)
	defer cancel()
	if _, err := s.initialized(ctx); err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, `SELECT login, agency, office, created_at FROM logins ORDER BY office DESC, agency, login`)
	if err != nil {
		return nil, s.adminError(err)
	}
	out, err := pgx.CollectRows(rows, func(r pgx.CollectableRow) (Login, error) {
		var l Login
		err := r.Scan(&l.User, &l.Agency, &l.Office, &l.Created)
		l.Created = l.Created.Local()
		return l, err
	})
	if err != nil {
		return nil, s.adminError(err)
	}
	return out, nil
}

// randomText is n characters of alphabet, from the system's random source.
func randomText(n int, alphabet string) string {
	b := make([]byte, n)
	rand.Read(b)
	for i := range b {
		b[i] = alphabet[int(b[i])%len(alphabet)]
	}
	return string(b)
}

// scramVerifier is what PostgreSQL keeps of a password (SCRAM-SHA-256,
// RFC 5802/7677, in the server's text form), so that the password itself
// never reaches the server.
func scramVerifier(password string) (string, error) {
	const iterations = 4096
	salt := make([]byte, 16)
	rand.Read(salt)
	salted, err := pbkdf2.Key(sha256.New, password, salt, iterations, sha256.Size)
	if err != nil {
		return "", err
	}
	mac := func(key []byte, msg string) []byte {
		h := hmac.New(sha256.New, key)
		h.Write([]byte(msg))
		return h.Sum(nil)
	}
	stored := sha256.Sum256(mac(salted, "Client Key"))
	enc := base64.StdEncoding.EncodeToString
	return fmt.Sprintf("SCRAM-SHA-256$%d:%s$%s:%s", iterations, enc(salt), enc(stored[:]), enc(mac(salted, "Server Key"))), nil
}

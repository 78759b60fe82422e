/**
 * Files that exist to hold a credential, recognised by their name and folder as the tools that
 * write them name them. A rule bound to one of them (`files:` in rules/secrets/*.yaml) reads
 * that file's format and reports its secret fields whatever their strength: a weak password in
 * a committed credential file is still a password anyone can use. Only the shared placeholder
 * list (placeholder.ts) keeps a value silent there.
 */
export const CREDENTIAL_FILES = {
  /** The .netrc of ftp, curl and git: `machine … login … password …`. */
  netrc: /(?:^|\/)[._]netrc$/,
  /** hub's config (`~/.config/hub`), a GitHub token per host. */
  hub: /(?:^|\/)(?:\.config\/)?hub$/,
  /** libpq's password file: `host:port:database:user:password` lines. */
  pgpass: /(?:^|\/)\.?pgpass(?:\.conf)?$/,
  /** git's credential store: one URL with user and password per line. */
  'git-credentials': /(?:^|\/)\.?git-credentials$/,
  /** MySQL client option files. */
  'my-cnf': /(?:^|\/)(?:\.my\.cnf|my\.cnf|\.mylogin\.cnf|debian\.cnf)$/,
  /** s3cmd's config. */
  s3cfg: /(?:^|\/)\.?s3cfg$/,
  /** The AWS CLI's shared credentials file (~/.aws/credentials, often committed as `.credentials`), and boto's `.boto`. */
  'aws-credentials': /(?:^|\/)\.aws\/credentials$|(?:^|\/)\.?credentials$|(?:^|\/)\.boto$/,
  /** DigitalOcean's tugboat CLI config. */
  tugboat: /(?:^|\/)\.?tugboat$/,
  /** Shell start-up files, where people export tokens for every session. */
  'shell-profile': /(?:^|\/)\.(?:bashrc|bash_profile|bash_login|profile|zshrc|zprofile|zshenv|zlogin|kshrc|mkshrc|cshrc|tcshrc)$/,
  /** FileZilla's site manager and recent-server lists. */
  filezilla: /(?:^|\/)(?:sitemanager|recentservers|filezilla)\.xml$/i,
  /** JetBrains IDEs' deployment servers (`.idea/WebServers.xml`). */
  'jetbrains-webservers': /(?:^|\/)WebServers\.xml$/,
  /**
   * Editor FTP/SFTP sync plugins: Sublime SFTP (`sftp-config.json`), VS Code SFTP
   * (`.vscode/sftp.json`), Atom remote-ftp (`.ftpconfig`) and remote-sync (`.remote-sync.json`),
   * Atom/Sublime deployment plugins (`deployment-config.json`).
   */
  'editor-sync': /(?:^|\/)(?:sftp-config(?:-alt\d?)?\.json|\.vscode\/sftp\.json|\.ftpconfig|\.remote-sync\.json|deployment-config\.json)$/,
  /** Robomongo / Studio 3T connection settings. */
  robomongo: /(?:^|\/)(?:robomongo|robo3t|3T\.robo3t)\.json$/i,
  /** DBeaver's connection list. */
  dbeaver: /(?:^|\/)(?:dbeaver-data-sources\.xml|data-sources(?:-[\w-]+)?\.json)$/,
  /** Mail and IRC clients that keep the account password in their rc file. */
  'mail-client': /(?:^|\/)\.(?:esmtprc|msmtprc|muttrc|fetchmailrc|netrc-mail|mbsyncrc|offlineimaprc|irssi\/config|weechat\/irc\.conf)$/,
  /** Firefox's saved logins (decryptable with the profile's key4.db). */
  'firefox-logins': /(?:^|\/)logins\.json$/,
  /** Rails' key for credentials.yml.enc. */
  'rails-master-key': /(?:^|\/)config\/(?:master\.key|credentials\/[\w-]+\.key)$/,
  /** Database settings of Rails and its ODMs, which hold the production password as often as not. */
  'rails-database': /(?:^|\/)(?:database|mongoid)\.ya?ml$/,
  /** WordPress's config. */
  'wp-config': /(?:^|\/)wp-config\.php$/,
  /** Cargo's registry tokens. */
  'cargo-credentials': /(?:^|\/)\.cargo\/credentials(?:\.toml)?$/,
  /** RubyGems' push keys. */
  'gem-credentials': /(?:^|\/)\.gem\/credentials$/,
  /** Composer's auth.json (project or COMPOSER_HOME): HTTP passwords and forge tokens. */
  'composer-auth': /(?:^|\/)auth\.json$/,
  /** Gradle's properties, where signing and repository passwords go. */
  'gradle-properties': /(?:^|\/)gradle\.properties$/,
  /** sbt and Ivy credentials files. */
  'sbt-credentials': /(?:^|\/)\.(?:sbt|ivy2)\/\.?credentials$/,
  /** kubectl's config: a user's bearer token or basic-auth password. */
  kubeconfig: /(?:^|\/)\.kube\/config$|(?:^|\/)kubeconfig(?![^/]*\.(?:go|py|rb|[cm]?[jt]sx?|java|kt|rs|sh|md|txt|json)$)(?:[._-][\w-]+)?(?:\.ya?ml)?$/i,
  /** SQL dumps, where a users table carries its password hashes. */
  'sql-dump': /\.sql$/i,
} as const satisfies Record<string, RegExp>;

export type CredentialFile = keyof typeof CREDENTIAL_FILES;

/** One path of each kind, where a bound rule's samples are scanned (they would match nowhere else). */
export const CREDENTIAL_FILE_EXAMPLES: Record<CredentialFile, string> = {
  netrc: '.netrc',
  hub: '.config/hub',
  pgpass: '.pgpass',
  'git-credentials': '.git-credentials',
  'my-cnf': '.my.cnf',
  s3cfg: '.s3cfg',
  'aws-credentials': '.aws/credentials',
  tugboat: '.tugboat',
  'shell-profile': '.bashrc',
  filezilla: 'filezilla/sitemanager.xml',
  'jetbrains-webservers': '.idea/WebServers.xml',
  'editor-sync': 'sftp-config.json',
  robomongo: 'robomongo.json',
  dbeaver: '.dbeaver/data-sources.json',
  'mail-client': '.esmtprc',
  'firefox-logins': 'profile/logins.json',
  'rails-master-key': 'config/master.key',
  'rails-database': 'config/database.yml',
  'wp-config': 'wp-config.php',
  'cargo-credentials': '.cargo/credentials.toml',
  'gem-credentials': '.gem/credentials',
  'composer-auth': 'auth.json',
  'gradle-properties': 'gradle.properties',
  'sbt-credentials': '.sbt/.credentials',
  kubeconfig: '.kube/config',
  'sql-dump': 'db/dump.sql',
};
export const CREDENTIAL_FILE_KINDS = Object.keys(CREDENTIAL_FILES) as [CredentialFile, ...CredentialFile[]];

/** Every kind of credential file `path` is (a path can be more than one: `.credentials` in `.aws/`). */
export function credentialFilesOf(path: string): CredentialFile[] {
  return CREDENTIAL_FILE_KINDS.filter((kind) => CREDENTIAL_FILES[kind].test(path));
}

/** Where a rule's samples are scanned: a file of its first kind, or `fallback` for a rule bound to none. */
export function samplePath(rule: { files?: readonly CredentialFile[] }, fallback: string): string {
  return rule.files ? CREDENTIAL_FILE_EXAMPLES[rule.files[0]] : fallback;
}

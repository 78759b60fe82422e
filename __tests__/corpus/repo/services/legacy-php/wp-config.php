<?php
/** WordPress configuration for the marketing site. */
define( 'DB_NAME', 'marketing' );
define( 'DB_USER', 'wp' );
define( 'DB_PASSWORD', '{{alnum:20}}' ); {{secret}}
define( 'DB_HOST', '10.0.1.7' );
define( 'DB_CHARSET', 'utf8mb4' );

define( 'AUTH_KEY',         'put your unique phrase here' );
define( 'SECURE_AUTH_KEY',  'put your unique phrase here' );
define( 'LOGGED_IN_KEY',    'put your unique phrase here' );
define( 'NONCE_KEY',        'put your unique phrase here' );

$table_prefix = 'wp_';
define( 'WP_DEBUG', false );
if ( ! defined( 'ABSPATH' ) ) {
	define( 'ABSPATH', __DIR__ . '/' );
}
require_once ABSPATH . 'wp-settings.php';

package io.agentco.app

object BuildSecrets {
    const val API_BASE = "https://api.agentco.io"
    const val MAPS_KEY_NAME = "com.google.android.geo.API_KEY"
    const val SEGMENT_WRITE_KEY = "{{alnum:32}}"
    val apiToken: String = "{{alnum:40}}" {{secret}}
    const val DB_PASSWORD = "{{token:20}}" {{secret:generic-password-assignment}}
}

export interface ConnectionProperties {
    /**
     * Optional. MongoDB connection string. e.g.: 'mongodb://mongodb0.example.com:27017/records'
     */
    connectionString?: string | null;
}

plugins {
    java
    id("org.springframework.boot") version "3.3.4"
}

repositories {
    mavenCentral()
    maven {
        url = uri("https://agentco.jfrog.io/artifactory/libs-release")
        credentials {
            username = providers.gradleProperty("artifactoryUser").get()
            password = providers.gradleProperty("artifactoryPassword").get()
        }
    }
}

dependencies {
    implementation("org.springframework.boot:spring-boot-starter-web")
    implementation("org.postgresql:postgresql:42.7.4")
}

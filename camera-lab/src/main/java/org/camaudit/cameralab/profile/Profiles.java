package org.camaudit.cameralab.profile;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Makes the shipped profiles injectable. */
public class Profiles {

    @Produces
    @Singleton
    ProfileRegistry registry() {
        return ProfileRegistry.load();
    }
}

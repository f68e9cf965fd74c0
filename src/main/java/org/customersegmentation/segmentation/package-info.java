/**
 * Segmentation jobs: the job and its state machine ({@code job}), the queue and the worker that runs the engine
 * ({@code execution}), completion callbacks ({@code callback}) and the endpoints ({@code web}). It hands each
 * outcome to a {@link org.customersegmentation.segmentation.JobOutcomeStore} and tells other modules which jobs
 * succeeded through {@link org.customersegmentation.segmentation.Segmentations}.
 */
@ApplicationModule(displayName = "Segmentation jobs",
        allowedDependencies = {"common", "web", "security", "idempotency", "dataset", "engine", "postgres", "limits",
                "observability"})
package org.customersegmentation.segmentation;

import org.springframework.modulith.ApplicationModule;

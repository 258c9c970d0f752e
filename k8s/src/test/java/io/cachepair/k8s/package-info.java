/**
 * Offline checks of the kustomize overlays: the Kubernetes API schema, container
 * policies, selectors, ports and environment variables.
 */
@NullMarked
package io.cachepair.k8s;

import org.jspecify.annotations.NullMarked;

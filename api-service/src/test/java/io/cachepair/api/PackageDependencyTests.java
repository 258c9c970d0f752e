package io.cachepair.api;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the feature packages apart: the cache client and the web support know nothing of
 * the catalog, which uses only their public types.
 */
class PackageDependencyTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.cachepair.api");

	@Test
	void productionClassesAreImported() {
		assertThat(CLASSES.contain("io.cachepair.api.catalog.ProductController")).isTrue();
		assertThat(CLASSES.contain("io.cachepair.api.cacheclient.CacheClient")).isTrue();
	}

	@Test
	void cacheClientIndependentOfCatalog() {
		noClasses().that()
			.resideInAPackage("..cacheclient..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..catalog..", "..web..")
			.check(CLASSES);
	}

	@Test
	void webIndependentOfCatalog() {
		noClasses().that()
			.resideInAPackage("..web..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("..catalog..", "..cacheclient..")
			.check(CLASSES);
	}

	@Test
	void featurePackagesHaveNoCycles() {
		slices().matching("io.cachepair.api.(*)..").should().beFreeOfCycles().check(CLASSES);
	}

}

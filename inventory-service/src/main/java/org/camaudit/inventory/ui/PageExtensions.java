package org.camaudit.inventory.ui;

import io.quarkus.qute.TemplateExtension;

import org.camaudit.inventory.mapping.PageResult;

/** Page arithmetic for the templates' pagers. */
@TemplateExtension
final class PageExtensions {

    private PageExtensions() {
    }

    /** The page's number as people count, from 1. */
    static int number(PageResult<?> result) {
        return result.page() + 1;
    }

    static long pages(PageResult<?> result) {
        return result.total() == 0 ? 1 : (result.total() - 1) / result.size() + 1;
    }

    static boolean hasPrevious(PageResult<?> result) {
        return result.page() > 0;
    }

    static boolean hasNext(PageResult<?> result) {
        return (long) (result.page() + 1) * result.size() < result.total();
    }

    static int previous(PageResult<?> result) {
        return result.page() - 1;
    }

    static int next(PageResult<?> result) {
        return result.page() + 1;
    }
}

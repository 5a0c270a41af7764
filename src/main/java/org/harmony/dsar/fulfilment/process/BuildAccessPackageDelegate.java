package org.harmony.dsar.fulfilment.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.harmony.dsar.fulfilment.AccessPackages;
import org.harmony.dsar.request.process.DsarVariables;
import org.springframework.stereotype.Component;

@Component
class BuildAccessPackageDelegate implements JavaDelegate {

    private final AccessPackages packages;

    BuildAccessPackageDelegate(AccessPackages packages) {
        this.packages = packages;
    }

    @Override
    public void execute(DelegateExecution execution) {
        DsarVariables.PACKAGE_SUMMARY.on(execution, packages.build(DsarVariables.REQUEST_ID.from(execution)));
    }
}
